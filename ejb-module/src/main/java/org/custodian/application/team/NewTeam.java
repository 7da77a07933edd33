package org.custodian.application.team;

/** A team as a client asks for it: its key (fixed for good), its name and its region. */
public record NewTeam(String key, String name, String region) {
}
