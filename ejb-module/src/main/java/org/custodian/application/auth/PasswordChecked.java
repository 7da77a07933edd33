package org.custodian.application.auth;

import org.custodian.application.shared.Caller;

/** A portal sign-in whose password was right: who it is, and what comes next. */
public record PasswordChecked(Caller caller, String displayName, SecondFactorStep next) {
}
