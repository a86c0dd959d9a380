/**
 * Filing: case files, the file plan, classification and filing of recognised documents, the registry's routing
 * desk. Domain: {@code de.akte.core.casefile}, {@code de.akte.core.fileplan}, {@code de.akte.core.classification},
 * {@code de.akte.core.routing}.
 */
package de.akte.core.application.filing;
