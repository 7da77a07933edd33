package org.custodian.application.user;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.custodian.domain.model.user.UserRepository;

@Stateless
public class DefaultDisplayPreferencesService implements DisplayPreferencesService {

    @Inject
    UserRepository users;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DisplayPreferences> of(String username) {
        // not audited: the user's own display settings, read on every page they open
        return users.findByUsername(username).map(user -> new DisplayPreferences(user.getTimeZone(), user.getLocale()));
    }
}
