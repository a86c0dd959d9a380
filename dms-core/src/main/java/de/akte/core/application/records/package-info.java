/**
 * Records management: retention schedules, legal holds, the four-eyes disposal, destruction with certificates,
 * transfer to the archive (xdomea). Domain: {@code de.akte.core.retention}, {@code de.akte.core.hold}, {@code
 * de.akte.core.disposition}, {@code de.akte.core.xdomea}.
 */
package de.akte.core.application.records;
