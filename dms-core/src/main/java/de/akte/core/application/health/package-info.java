/**
 * Health: each component of the system checked for real. Domain: {@code de.akte.core.health}.
 */
package de.akte.core.application.health;
