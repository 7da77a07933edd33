package org.custodian.interfaces.web.people;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a user's profile and access as the new-user and the user page bind them: one set of inputs, so
 * both pages send the services the same values.
 */
public abstract class UserFormFields implements Serializable {

    private static final long serialVersionUID = 1L;

    protected String username;
    protected String displayName;
    protected String email;
    protected String timeZone;
    protected String locale;
    protected List<String> roles = new ArrayList<>();
    protected List<String> regions = new ArrayList<>();

    /** The e-mail as the services take it: none when blank. */
    protected String emailOrNull() {
        return email == null || email.isBlank() ? null : email.trim();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions;
    }
}
