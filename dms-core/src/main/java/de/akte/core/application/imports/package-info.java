/**
 * Bulk imports: opening batches, handing in their files, completing them with their protocol, watching their
 * progress. Domain: {@code de.akte.core.imports}.
 */
package de.akte.core.application.imports;
