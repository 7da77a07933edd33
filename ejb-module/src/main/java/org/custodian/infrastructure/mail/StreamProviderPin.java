package org.custodian.infrastructure.mail;

import jakarta.mail.util.StreamProvider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Names the Jakarta Mail stream provider the server ships in its system property, so that the API stops looking it
 * up through the class path for every header block and every encoded body part it reads (jakarta.mail-api 2.1.5
 * calls {@code StreamProvider.provider()}, a {@code ServiceLoader} scan of every jar the application sees, each
 * time): a fifth of mail intake's own CPU in the bench's profile (#24). With the property set the API loads that
 * one class by name, the same provider as before.
 *
 * <p>The property is the JVM's: it is set only if nobody set it, and only to a provider that the API's own class
 * loader can load (a server-wide provider), so that every other deployment that finds the API finds it too.
 */
final class StreamProviderPin {

    private static final Logger LOG = Logger.getLogger(StreamProviderPin.class.getName());

    private StreamProviderPin() {
    }

    static void pin() {
        String key = StreamProvider.class.getName();
        if (System.getProperty(key) != null) {
            return;
        }
        try {
            String name = StreamProvider.provider().getClass().getName();
            ClassLoader api = StreamProvider.class.getClassLoader();
            Class<?> seen = Class.forName(name, false, api == null ? ClassLoader.getSystemClassLoader() : api);
            if (StreamProvider.class.isAssignableFrom(seen)) {
                System.setProperty(key, name);
            }
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            LOG.log(Level.FINE, "The mail stream provider is an application's own: it is looked up as before", e);
        }
    }
}
