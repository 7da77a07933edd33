package org.custodian.domain.model.privacy;

import java.util.List;
import java.util.Optional;

/** DPIAs and every version of them. */
public interface DpiaRepository {

    void store(Dpia dpia);

    void store(DpiaVersion version);

    Optional<Dpia> find(long id);

    /** The assessment, locked until the transaction ends, so two new versions cannot take the same number. */
    Optional<Dpia> findForUpdate(long id);

    /** The current version of every assessment, in id order. */
    List<DpiaVersion> currentVersions();

    /** Every version of one assessment, oldest first. */
    List<DpiaVersion> versions(long dpiaId);

    Optional<DpiaVersion> version(long dpiaId, long version);
}
