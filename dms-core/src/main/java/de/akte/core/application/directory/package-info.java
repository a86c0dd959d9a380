/**
 * Directory and security: users, departments, password sign-in, API tokens. Domain: {@code de.akte.core.security},
 * {@code de.akte.core.department}.
 */
package de.akte.core.application.directory;
