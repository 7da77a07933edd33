package org.custodian.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.mail.InboundMail;
import org.custodian.application.mail.Mailbox;
import org.custodian.application.mail.MailboxReader;

/**
 * Reads unseen mail over IMAP (STARTTLS) or IMAPS. Messages are fetched with PEEK, so reading does not set
 * \Seen: only a mail whose intake committed is flagged, and one that failed stays unseen for the next poll.
 */
@ApplicationScoped
public class ImapMailboxReader implements MailboxReader {

    private static final Logger LOG = Logger.getLogger(ImapMailboxReader.class.getName());
    /** A mail larger than this is refused (left unseen and logged); the attachment slice sets its own limits. */
    static final int MAX_BYTES = 25 * 1024 * 1024;
    private static final String TIMEOUT_MILLIS = "30000";

    @Override
    public int poll(Mailbox box, int limit, Function<List<InboundMail>, List<InboundMail>> handler)
            throws IOException {
        String protocol = box.security().equals("TLS") ? "imaps" : "imap";
        Properties properties = new Properties();
        String p = "mail." + protocol + ".";
        properties.setProperty(p + "host", box.host());
        properties.setProperty(p + "port", String.valueOf(box.port()));
        properties.setProperty(p + "peek", "true");
        properties.setProperty(p + "connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty(p + "timeout", TIMEOUT_MILLIS);
        properties.setProperty(p + "writetimeout", TIMEOUT_MILLIS);
        if (box.security().equals("STARTTLS")) {
            properties.setProperty(p + "starttls.enable", "true");
            properties.setProperty(p + "starttls.required", "true");
        }
        if (!box.security().equals("NONE")) {
            properties.setProperty(p + "ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(properties);
        int handled = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(box.host(), box.port(), box.user(), box.password());
            Folder folder = store.getFolder(box.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                Message[] batch = Arrays.copyOf(unseen, Math.min(unseen.length, limit));
                // the sizes of the whole batch in one round trip, not one FETCH per mail (the bench, #24)
                FetchProfile sizes = new FetchProfile();
                sizes.add(FetchProfile.Item.SIZE);
                folder.fetch(batch, sizes);
                Object wholeMessage = wholeMessageItem(store);
                List<Message> taken = new ArrayList<>();
                try {
                    for (int from = 0; from < batch.length; from += MailboxReader.GROUP) {
                        Message[] group = Arrays.copyOfRange(batch, from,
                                Math.min(batch.length, from + MailboxReader.GROUP));
                        prefetch(folder, group, wholeMessage);
                        List<InboundMail> read = new ArrayList<>(group.length);
                        Map<InboundMail, Message> messages = new IdentityHashMap<>();
                        for (Message message : group) {
                            InboundMail mail = read(box, message);
                            if (mail != null) {
                                read.add(mail);
                                messages.put(mail, message);
                            }
                        }
                        if (!read.isEmpty()) {
                            handler.apply(read).forEach(mail -> taken.add(messages.get(mail)));
                        }
                        if (taken.size() >= SEEN_CHUNK) {
                            handled += seen(folder, taken);
                        }
                    }
                } finally {
                    // committed mails are flagged a chunk at a time: one STORE for many; a crash before it only
                    // makes the next poll read them again, and their Message-ID makes that change nothing
                    handled += seen(folder, taken);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IOException("mailbox " + box.name() + ": " + e.getMessage(), e);
        }
        return handled;
    }

    /** How many committed mails are flagged \Seen with one STORE. */
    private static final int SEEN_CHUNK = 50;

    /** Flags the committed mails \Seen in one STORE; returns how many. */
    private static int seen(Folder folder, List<Message> taken) throws MessagingException {
        int count = taken.size();
        if (count > 0) {
            folder.setFlags(taken.toArray(new Message[0]), new Flags(Flags.Flag.SEEN), true);
            taken.clear();
        }
        return count;
    }

    /** The mail parsed, or null (left unseen) when it is too large or cannot be read. */
    private static InboundMail read(Mailbox box, Message message) {
        try {
            if (message.getSize() > MAX_BYTES) {
                LOG.warning(() -> "A mail of " + safeSize(message) + " bytes in " + box.name() + " is larger than "
                        + MAX_BYTES + " and is left unread");
                return null;
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(256, safeSize(message)));
            message.writeTo(raw);
            return MimeMail.parse(raw.toByteArray());
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "A mail in " + box.name() + " could not be read; it stays unseen", e);
            return null;
        }
    }

    /** Bytes of whole messages fetched with one command at most (the rest are fetched one by one). */
    static final long PREFETCH_BYTES = 8L * 1024 * 1024;

    /**
     * Fetches the group's messages whole with one FETCH BODY.PEEK[] (#24: one round trip for the group instead of
     * one per mail), up to {@link #PREFETCH_BYTES}; PEEK leaves them unseen. Without Angus Mail's item for it or on
     * a server older than IMAP4rev1 (whose fetch would set \Seen) each message is fetched when it is written out.
     */
    private static void prefetch(Folder folder, Message[] group, Object wholeMessage) {
        if (!(wholeMessage instanceof FetchProfile.Item item)) {
            return;
        }
        List<Message> small = new ArrayList<>();
        long bytes = 0;
        for (Message message : group) {
            int size = safeSize(message);
            if (size >= 0 && size <= MAX_BYTES && bytes + size <= PREFETCH_BYTES) {
                small.add(message);
                bytes += size;
            }
        }
        if (small.size() > 1) {
            FetchProfile whole = new FetchProfile();
            whole.add(item);
            try {
                folder.fetch(small.toArray(new Message[0]), whole);
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "Fetching a group of messages whole failed; each is fetched on its own", e);
            }
        }
    }

    /** Angus Mail's fetch item for whole messages, if the store is Angus Mail's IMAP on an IMAP4rev1 server. */
    private static Object wholeMessageItem(Store store) {
        try {
            Object rev1 = store.getClass().getMethod("hasCapability", String.class).invoke(store, "IMAP4REV1");
            if (!Boolean.TRUE.equals(rev1)) {
                return null;
            }
            return Class.forName("org.eclipse.angus.mail.imap.IMAPFolder$FetchProfileItem", true,
                    store.getClass().getClassLoader()).getField("MESSAGE").get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static int safeSize(Message message) {
        try {
            return message.getSize();
        } catch (MessagingException e) {
            return -1;
        }
    }
}
