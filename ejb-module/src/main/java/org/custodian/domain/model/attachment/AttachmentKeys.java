package org.custodian.domain.model.attachment;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The data keys of the data subjects (customers), each a random 256-bit key kept only wrapped by the installation's
 * master key. The passphrase form of a key (its base64) is what the attachment's OpenPGP message is encrypted with.
 */
public interface AttachmentKeys {

    /** The customer's key, made now if they have none; empty if it was destroyed (the customer was erased). */
    Optional<char[]> passphraseForWriting(long customerId);

    /** The customer's key; empty if it was destroyed or never made. */
    Optional<char[]> passphrase(long customerId);

    /**
     * Destroys the keys of these customers in the caller's transaction (and marks those without one, so that none
     * is made for them later).
     *
     * @return how many keys were destroyed
     */
    int destroy(Collection<Long> customerIds, Instant now);
}
