package de.akte.core.security;

/**
 * A user as stored now, with the version of their credentials: a session or token remembering an older version
 * was issued before a password, role or access change and is void.
 */
public record SignedInAccount(Caller caller, long credentialVersion) {
}
