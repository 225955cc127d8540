package koppel.integration;

import java.time.Instant;
import java.util.UUID;

/** A merchant's login: one username and password for one or more integrations. */
public record Login(UUID id, String username, String email, String language, Instant createdAt) {}
