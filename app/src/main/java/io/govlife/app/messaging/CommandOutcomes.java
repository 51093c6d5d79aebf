package io.govlife.app.messaging;

import io.govlife.events.gov.RuleViolation;
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
 * One log line and one count per command, whatever its handler: type, gov, operator, outcome (accepted, rejected
 * with the rule, failed) and correlation id, taken when the command's transaction ends so a commit-time conflict
 * counts as what it is. Refusals are the clients' business: logged without a stack trace.
 */
@Component
class CommandOutcomes implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger("govlife.commands");

    private final MeterRegistry meters;

    CommandOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String type = command.getPayloadType().getSimpleName();
        unitOfWork.afterCommit(uow -> record(command, type, "accepted", "none"));
        unitOfWork.onRollback(uow -> {
            Throwable failure = uow.getExecutionResult() == null ? null : uow.getExecutionResult().getExceptionResult();
            if (failure instanceof RuleViolation refused) {
                record(command, type, "rejected", refused.rule().code());
            } else {
                record(command, type, "failed", failure == null ? "unknown" : failure.getClass().getSimpleName());
            }
        });
        return chain.proceed();
    }

    private void record(CommandMessage<?> command, String type, String outcome, String reason) {
        meters.counter("govlife.commands", "type", type, "outcome", outcome, "reason", reason).increment();
        log.info("command={} gov={} operator={} outcome={} reason={} correlationId={}", type, govOf(command),
                command.getMetaData().get("operator"), outcome, reason, command.getMetaData().get("correlationId"));
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
