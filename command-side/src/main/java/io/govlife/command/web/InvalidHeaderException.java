package io.govlife.command.web;

/** A request header present but malformed; answered as 400 naming the header. */
public class InvalidHeaderException extends RuntimeException {

    private final String header;

    public InvalidHeaderException(String header, String rule) {
        super(rule);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
