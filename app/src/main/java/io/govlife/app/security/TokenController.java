package io.govlife.app.security;

import io.govlife.app.web.Problems;
import io.govlife.command.web.SaneInstant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Admins create operator tokens (shown once), list them (never their secret; with expiry and last use) and revoke
 * them. Answers are never stored by a cache on the way: one carries a token.
 */
@RestController
@RequestMapping("/api/admin/tokens")
record TokenController(OperatorTokens tokens) {

    record TokenRequest(@NotNull @Pattern(regexp = "^[\\p{Alnum}._@+-]{1,64}$",
            message = "must be 1-64 characters of letters, digits and . _ @ + -") String operator, Boolean admin,
                        Boolean citizenOperator,
                        @Future(message = "must be in the future") @SaneInstant Instant expiresAt) {
    }

    @PostMapping
    ResponseEntity<OperatorTokens.Issued> create(@Valid @RequestBody TokenRequest body) {
        // to the microsecond, as stored: the answer and the list then show the same instant
        if (Boolean.TRUE.equals(body.admin()) && Boolean.TRUE.equals(body.citizenOperator())) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.problem(HttpStatus.BAD_REQUEST,
                    "invalid-input", "Invalid input", "citizenOperator",
                    "a token is an admin's or a citizen operator's, not both"), null);
        }
        OperatorTokens.Issued issued = tokens.issue(body.operator(), Boolean.TRUE.equals(body.admin()),
                Boolean.TRUE.equals(body.citizenOperator()),
                body.expiresAt() == null ? null : body.expiresAt().truncatedTo(ChronoUnit.MICROS));
        return ResponseEntity.created(URI.create("/api/admin/tokens/" + issued.id()))
                .cacheControl(CacheControl.noStore()).body(issued);
    }

    @GetMapping
    ResponseEntity<List<OperatorTokens.Listed>> list() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.list());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        if (!tokens.revoke(id)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.problem(HttpStatus.NOT_FOUND,
                    "token-not-found", "No such token", "id", "no token with id '" + id + "'"), null);
        }
        return ResponseEntity.noContent().build();
    }
}
