package io.govlife.query.processor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The read models' processor's segments: how the log is divided among the nodes that work it. A split lets one
 * more node take part; a merge gives back what a split made. Either runs once for the cluster, with every node
 * letting go of its segments for the moment it takes ({@link ProcessorControl}).
 */
@RestController
@RequestMapping("/api/admin/projections/segments")
record SegmentController(SegmentOperations segments, ProcessorControl control, ProcessorRows rows,
                         ThisNode thisNode) {

    @GetMapping
    Segments list() {
        return new Segments(Arrays.stream(segments.segments()).boxed().toList(), rows.claims(), thisNode.id());
    }

    @PostMapping("/{segment}/split")
    Segments split(@PathVariable int segment, Principal admin) {
        return whileNoNodeRuns("split", segment, admin, () -> segments.split(segment));
    }

    @PostMapping("/{segment}/merge")
    Segments merge(@PathVariable int segment, Principal admin) {
        return whileNoNodeRuns("merge", segment, admin, () -> segments.merge(segment));
    }

    private Segments whileNoNodeRuns(String operation, int segment, Principal admin, Supplier<?> change) {
        segments.requireExisting(segment);
        control.whileNoNodeRuns(operation + " of segment " + segment + " by " + admin.getName(), change);
        return list();
    }

    /**
     * The segment ids of the read models' processor, e.g. {@code [0, 1, 2]} after splitting segment 0 of two; who
     * holds each; and the name this node holds them under, to tell its own claims from the other nodes'.
     */
    record Segments(List<Integer> segments, List<ProcessorRows.Claim> claims, String thisNode) {
    }
}
