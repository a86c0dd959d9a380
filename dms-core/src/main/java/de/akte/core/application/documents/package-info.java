/**
 * Documents: accepting documents and versions, reading them back (bytes, renditions, text, page images), changing
 * their metadata. Domain: {@code de.akte.core.document}.
 */
package de.akte.core.application.documents;
