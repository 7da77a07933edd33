package org.custodian.domain.model.scim;

import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.user.User;

/** SCIM records and groups, and the users they stand for (a SCIM User's id is the user's id). */
public interface ScimRepository {

    Optional<User> findUser(long id);

    /** The user row locked for the change (so an If-Match compared with it holds until commit). */
    Optional<User> lockUser(long id);

    /** Every user, by id (the filters are evaluated on them: the user store of a help desk is small). */
    List<User> allUsers();

    Optional<ScimUserRecord> findRecord(long userId);

    List<ScimUserRecord> allRecords();

    void store(ScimUserRecord record);

    Optional<ScimGroup> findGroup(String id);

    Optional<ScimGroup> lockGroup(String id);

    Optional<ScimGroup> findGroupByName(String displayName);

    List<ScimGroup> allGroups();

    List<ScimGroup> groupsOf(long userId);

    void store(ScimGroup group);

    void remove(ScimGroup group);

    void flush();
}
