package org.custodian.domain.model.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface SubjectPackageRepository {

    void store(SubjectPackage subjectPackage);

    Optional<SubjectPackage> find(long id);

    /** Locked until the transaction ends (a download counts, the expiry sweeper deletes). */
    Optional<SubjectPackage> findByTokenForUpdate(String tokenSha256);

    /** A request's packages, newest first. */
    List<SubjectPackage> byRequest(long requestId);

    /** Packages not EXPIRED of every request whose subject includes one of these customer records. */
    List<SubjectPackage> liveOfCustomers(Collection<Long> customerIds);

    /** Packages whose link expired before {@code now} and that are not marked EXPIRED yet. */
    List<SubjectPackage> expiredBefore(Instant now);
}
