package org.custodian.application.team;

/** A change of a team: null leaves a field as it is (the key never changes). */
public record TeamChanges(String name, String region) {
}
