/**
 * Search: full-text search, saved searches, hits on pages, and keeping the index up to date. Domain: {@code
 * de.akte.core.search}, {@code de.akte.core.indexing}.
 */
package de.akte.core.application.search;
