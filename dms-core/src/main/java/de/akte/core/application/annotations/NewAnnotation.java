package de.akte.core.application.annotations;

import de.akte.core.annotation.Area;

/**
 * What a clerk asks to add or change: page (1-based), kind ({@code NOTE} or {@code HIGHLIGHT}), an optional area
 * and an optional text. A note needs a text, a highlight an area. When changing, page and kind stay as they were.
 */
public record NewAnnotation(Integer page, String kind, Area area, String text) {
}
