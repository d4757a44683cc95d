package io.sluice.config;

/** A {@code pull-filter accept|ignore|reject text} rule. */
public record PullFilter(String action, String text) {
}
