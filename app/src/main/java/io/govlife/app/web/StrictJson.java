package io.govlife.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * The HTTP API's JSON is read strictly: a number or boolean is not a string ({@code "operatorContact": 5} is
 * refused, not stored as "5"), and no string may carry characters that break what govlife writes it into later —
 * control characters (an Atom feed cannot hold them), bidirectional overrides (text that reads otherwise than it
 * is, in an audit trail), lone surrogates and non-characters. Tab and line breaks stay allowed for notes.
 * Axon's serializer has its own mapper: the log is read as it was written.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictStrings() {
        return builder -> builder
                .deserializerByType(String.class, new CleanStringDeserializer())
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Answers which character of the text is refused, or -1 when it is clean. */
    static int refusedAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
            boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
            boolean nonCharacter = c == 0xFFFE || c == 0xFFFF;
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || bidi || nonCharacter || loneSurrogate) {
                return i;
            }
        }
        return -1;
    }

    static final class CleanStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null) {
                int at = refusedAt(value);
                if (at >= 0) {
                    throw InvalidFormatException.from(parser, String.format("must not contain control, "
                            + "bidirectional-override or non-characters (U+%04X at position %d)",
                            (int) value.charAt(at), at), value, String.class);
                }
            }
            return value;
        }
    }
}
