package org.custodian.domain.model.integration;

import java.util.List;
import java.util.Optional;

public interface ServiceAccountRepository {

    List<ServiceAccount> findAll();

    Optional<ServiceAccount> find(String name);

    /** The account, locked until the transaction ends (key creation counts live keys under this lock). */
    Optional<ServiceAccount> findForUpdate(String name);

    void store(ServiceAccount account);

    List<ServiceAccountKey> keysOf(String account);

    Optional<ServiceAccountKey> findKey(String keyId);

    void store(ServiceAccountKey key);
}
