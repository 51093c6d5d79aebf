package io.govlife.app.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser harness against a page that replaces its element every 100 ms, as the console does whenever a table
 * refreshes (every few seconds there; often here, so that the race shows within a few reads): every read must land on
 * whichever copy is there, never fail on the one it found a moment before. CI once failed the console walk-through on
 * exactly that, a stale element between finding and reading.
 */
class BrowserRedrawTest {

    /** Built with DOM calls: the blank page a new browser shows accepts no HTML strings (Trusted Types). */
    private static final String PAGE = "const copy = () => { const p = document.createElement('p'); p.id = 'list';"
            + " p.dataset.state = 'shown'; p.textContent = 'adds service ATLAS'; return p; };"
            + " document.body.append(copy());"
            + " setInterval(() => document.getElementById('list').replaceWith(copy()), 100);";

    private static Browser browser;

    @BeforeAll
    static void redrawingPage() {
        Browser.assumeInstalled();
        browser = new Browser(0);
        browser.script(PAGE);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void every_read_lands_on_the_copy_that_is_there() {
        for (int i = 0; i < 10; i++) {
            assertThat(browser.awaitText("#list", "ATLAS")).isEqualTo("adds service ATLAS");
            assertThat(browser.text("#list")).isEqualTo("adds service ATLAS");
            assertThat(browser.attribute("#list", "data-state")).isEqualTo("shown");
            assertThat(browser.displayed("#list")).isTrue();
            browser.awaitShown("#list");
        }
    }
}
