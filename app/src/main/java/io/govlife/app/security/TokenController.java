package io.govlife.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Admins create operator tokens (shown once), list them (never their secret) and revoke them. */
@RestController
@RequestMapping("/api/admin/tokens")
class TokenController {

    private final OperatorTokens tokens;

    TokenController(OperatorTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(@NotNull @Pattern(regexp = "^[\\p{Alnum}._@+-]{1,64}$",
            message = "must be 1-64 characters of letters, digits and . _ @ + -") String operator, Boolean admin) {
    }

    @PostMapping
    ResponseEntity<OperatorTokens.Issued> create(@Valid @RequestBody TokenRequest body) {
        OperatorTokens.Issued issued = tokens.issue(body.operator(), Boolean.TRUE.equals(body.admin()));
        return ResponseEntity.created(URI.create("/api/admin/tokens/" + issued.id())).body(issued);
    }

    @GetMapping
    List<OperatorTokens.Listed> list() {
        return tokens.list();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        if (!tokens.revoke(id)) {
            throw new org.springframework.web.ErrorResponseException(org.springframework.http.HttpStatus.NOT_FOUND,
                    io.govlife.app.web.Problems.problem(org.springframework.http.HttpStatus.NOT_FOUND, "token-not-found",
                            "No such token", "id", "no token with id '" + id + "'"), null);
        }
        return ResponseEntity.noContent().build();
    }
}
