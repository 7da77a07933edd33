package org.custodian.interfaces.web.people;

import jakarta.ejb.EJB;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.integration.ServiceAccountService;
import org.custodian.application.integration.ServiceAccountService.AccountView;
import org.custodian.application.integration.ServiceAccountService.CreatedKey;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * Service accounts: the list with their keys, creating an account, a new key (its secret shown this once, through
 * the flash), revoking a key, disabling an account with a reason.
 */
@Named
@ViewScoped
public class ServiceAccountsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String NEW_KEY = "custodian.people.new-key";

    @EJB
    ServiceAccountService accounts;

    @Inject
    PortalCaller portal;

    private List<AccountView> list = new ArrayList<>();
    private String name;
    private String description;
    private List<String> scopes = new ArrayList<>();
    private List<String> regions = new ArrayList<>();
    private String expiresOn;
    private final Map<String, String> disableReasons = new HashMap<>();
    private String rowInput;

    public void load() {
        PageFailures.read(() -> list = accounts.list(portal.get()));
    }

    public String create() {
        return PageFailures.attempt("newAccount", () -> {
            AccountView created = accounts.create(portal.get(), new ServiceAccountService.NewAccount(name,
                    description == null || description.isBlank() ? null : description, List.copyOf(scopes),
                    List.copyOf(regions), null, endOfDay(expiresOn)));
            PageFailures.info(Texts.get("msg.accounts.created"), Texts.get("msg.accounts.created.detail",
                    created.name(), String.join(", ", created.roles())));
            return Flow.redirect("/admin/service-accounts.xhtml#account-" + created.name());
        });
    }

    /** The secret goes to the next page in the flash only: a reload shows it no more. */
    public String createKey(String account) {
        return PageFailures.attempt(null, () -> {
            CreatedKey key = accounts.createKey(portal.get(), account, new ServiceAccountService.NewKey(null, null));
            Pages.flash(NEW_KEY, new ShownKey(key.account(), key.keyId(), key.key(), String.valueOf(key.expiresAt())));
            PageFailures.info(Texts.get("msg.accounts.keyCreated"), Texts.get("msg.accounts.keyCreated.detail",
                    key.keyId(), account));
            return Flow.redirect("/admin/service-accounts.xhtml");
        });
    }

    public String revokeKey(String account, String keyId) {
        return PageFailures.attempt(null, () -> {
            accounts.revokeKey(portal.get(), account, keyId, "revoked in the admin console");
            PageFailures.info(Texts.get("msg.accounts.keyRevoked"), Texts.get("msg.accounts.keyRevoked.detail",
                    keyId, account));
            return Flow.redirect("/admin/service-accounts.xhtml");
        });
    }

    public void row(ActionEvent event) {
        rowInput = Pages.beside(event, "reason");
    }

    public String disable(String account) {
        return PageFailures.atRow(rowInput, () -> {
            accounts.disable(portal.get(), account, disableReasons.get(account));
            PageFailures.info(Texts.get("msg.accounts.disabled"), Texts.get("msg.accounts.disabled.detail",
                    account));
            return Flow.redirect("/admin/service-accounts.xhtml");
        });
    }

    /** A date from the picker as the end of that day, UTC; other text goes as it is, for the service to judge. */
    static String endOfDay(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim()).atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    public ShownKey getNewKey() {
        return (ShownKey) Pages.flashed(NEW_KEY);
    }

    /** A key's secret as the page shows it once. */
    public record ShownKey(String account, String keyId, String secret, String expires) implements Serializable {
    }

    public List<AccountView> getAccounts() {
        return list;
    }

    public Map<String, String> getDisableReasons() {
        return disableReasons;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions;
    }

    public String getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(String expiresOn) {
        this.expiresOn = expiresOn;
    }
}
