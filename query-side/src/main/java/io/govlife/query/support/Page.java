package io.govlife.query.support;

import java.util.List;

/** One page of a list answer, with what a console needs to page on. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
