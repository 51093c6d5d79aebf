package io.govlife.command.web;

/** Bean Validation patterns and caps shared by the request bodies, so each rule is written once. */
public final class Constraints {

    public static final String HTTP_URL = "^https?://[^\\s]{1,490}$";
    public static final String HTTP_URL_RULE = "must be an http(s) URL of at most 500 characters";
    public static final int REASON_MAX = 500;
    public static final int TEXT_MAX = 200;
    public static final int NOTES_MAX = 2000;

    private Constraints() {
    }
}
