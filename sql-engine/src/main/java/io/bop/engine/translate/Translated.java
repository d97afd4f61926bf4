package io.bop.engine.translate;

import io.bop.engine.exec.Plan;

/**
 * One statement of a query string, translated.
 *
 * @param text the statement's own text
 * @param plan what runs it
 */
public record Translated(String text, Plan plan) {}
