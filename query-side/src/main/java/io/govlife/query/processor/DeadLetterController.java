package io.govlife.query.processor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The read models' dead letters as an admin handles them: see what was parked and why, retry a gov once its cause is
 * fixed, or evict it (then rebuild the read model to have those events again).
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
record DeadLetterController(DeadLetters deadLetters) {

    @GetMapping
    List<DeadLetters.ParkedGov> parked() {
        return deadLetters.list();
    }

    /** 200 either way: whether every event was handled this time, and what is still parked if not. */
    @PostMapping("/{readModel}/{gov}/retry")
    RetryOutcome retry(@PathVariable String readModel, @PathVariable String gov) {
        boolean handled = deadLetters.retry(readModel, gov);
        List<DeadLetters.ParkedEvent> still = deadLetters.parked(readModel, gov);
        return new RetryOutcome(readModel, gov, handled && still.isEmpty(), still);
    }

    @DeleteMapping("/{readModel}/{gov}")
    ResponseEntity<Void> evict(@PathVariable String readModel, @PathVariable String gov) {
        deadLetters.evict(readModel, gov);
        return ResponseEntity.noContent().build();
    }

    record RetryOutcome(String readModel, String gov, boolean handled, List<DeadLetters.ParkedEvent> stillParked) {
    }
}
