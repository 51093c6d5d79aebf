package io.govlife.app.messaging;

import io.govlife.app.web.Problems;
import org.springframework.http.ProblemDetail;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;

/**
 * One log line and one count per command, whatever its handler: type, gov, operator, the outcome as the HTTP answer
 * gave it — {@code accepted}, {@code refused} with the rule or check that refused it (the code that ends the
 * problem's {@code type}: a gov rule, {@code gov-not-found}, {@code stale-version}, {@code concurrent-change}), or
 * {@code failed} with the exception's class — and the correlation id. Taken when the command's transaction ends, so a
 * commit-time conflict counts as what it is. Refusals are the clients' business: logged without a stack trace.
 */
@Component
record CommandOutcomes(MeterRegistry meters) implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger("govlife.commands");

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String type = command.getPayloadType().getSimpleName();
        unitOfWork.afterCommit(uow -> record(command, type, "accepted", "none", null));
        unitOfWork.onRollback(uow -> {
            Throwable failure = uow.getExecutionResult() == null ? null : uow.getExecutionResult().getExceptionResult();
            String refusal = refusal(failure);
            if (refusal != null) {
                record(command, type, "refused", refusal, null);
            } else {
                record(command, type, "failed", "none", failure == null ? "unknown" : failure.getClass().getName());
            }
        });
        return chain.proceed();
    }

    /** The code the HTTP answer names for a refusal, or null for a failure: the web layer's own reading of it. */
    static String refusal(Throwable failure) {
        ProblemDetail refusal = Problems.refusal(failure);
        return refusal == null ? null : Problems.codeOf(refusal);
    }

    private void record(CommandMessage<?> command, String type, String outcome, String rule, String error) {
        meters.counter("govlife.commands", "type", type, "outcome", outcome, "rule", rule).increment();
        if (error == null) {
            log.info("command={} gov={} operator={} outcome={} rule={} correlationId={}", type, govOf(command),
                    command.getMetaData().get("operator"), outcome, rule, command.getMetaData().get("correlationId"));
        } else {
            log.warn("command={} gov={} operator={} outcome={} error={} correlationId={}", type, govOf(command),
                    command.getMetaData().get("operator"), outcome, error, command.getMetaData().get("correlationId"));
        }
    }

    /** Every gov command names its gov in a {@code gov()} component. */
    private static Object govOf(CommandMessage<?> command) {
        try {
            Method gov = command.getPayloadType().getMethod("gov");
            return gov.invoke(command.getPayload());
        } catch (ReflectiveOperationException notAGovCommand) {
            return null;
        }
    }
}
