/**
 * Annotations: notes and highlights on document pages. Domain: {@code de.akte.core.annotation}.
 */
package de.akte.core.application.annotations;
