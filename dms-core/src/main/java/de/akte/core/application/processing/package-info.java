/**
 * Recognition and processing: the workers that scan, recognise, store and cut scanned batches, and what becomes of
 * a task. Domain: {@code de.akte.core.processing}, {@code de.akte.core.recognition}.
 */
package de.akte.core.application.processing;
