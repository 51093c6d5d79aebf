package io.govlife.app.console;

import io.govlife.app.config.GovlifeProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The operator console: server-rendered pages whose forms and tables speak to the same HTTP API as any operator
 * script, with the operator's own token. Every write therefore meets the same validation, the same authority and
 * the same problem documents as the API, and nothing here can change a gov in a way the API could not.
 */
@Controller
@RequestMapping("/console")
record ConsoleController(GovlifeProperties properties) {

    /**
     * The pages hold an operator's token in the tab: nothing but the application's own scripts may run, and no other
     * site may frame them.
     */
    @ModelAttribute
    void contentSecurityPolicy(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** The minimum notice, for the pages that draw cutovers against it. */
    @ModelAttribute
    void minimumNotice(Model model) {
        java.time.Duration minimum = properties.bump().minimumNotice();
        model.addAttribute("minimumNoticeHours", minimum.toMillis() / 3_600_000.0);
        model.addAttribute("minimumNotice", spoken(minimum));
    }

    @GetMapping({"", "/"})
    String govs() {
        return "console/govs";
    }

    @GetMapping("/govs/{gov}")
    String gov(@PathVariable String gov, Model model) {
        model.addAttribute("gov", gov);
        return "console/gov";
    }

    @GetMapping("/admin")
    String admin() {
        return "console/admin";
    }

    /** A citizen's operator's own page: its citizens across govs and their bumps. */
    @GetMapping("/citizens")
    String citizens() {
        return "console/citizens";
    }

    @GetMapping("/reports")
    String reports() {
        return "console/reports";
    }

    /** 24 hours, 90 minutes, 2 seconds: the minimum notice as an operator would say it. */
    static String spoken(java.time.Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + " hours";
        }
        if (duration.toSeconds() % 60 == 0) {
            return duration.toMinutes() + " minutes";
        }
        return duration.toSeconds() + " seconds";
    }
}
