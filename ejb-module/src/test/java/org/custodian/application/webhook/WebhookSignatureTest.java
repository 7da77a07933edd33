package org.custodian.application.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void reproducesTheStandardWebhooksPublishedTestVector() {
        // the vector of the Standard Webhooks reference libraries: a receiver's library verifies what we send
        byte[] key = WebhookSignature.keyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void anyChangeOfIdTimestampOrBodyChangesTheSignature() {
        byte[] key = WebhookSignature.keyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signed = WebhookSignature.sign(key, "msg_1", 1700000000L, "{}");
        assertNotEquals(signed, WebhookSignature.sign(key, "msg_2", 1700000000L, "{}"));
        assertNotEquals(signed, WebhookSignature.sign(key, "msg_1", 1700000001L, "{}"));
        assertNotEquals(signed, WebhookSignature.sign(key, "msg_1", 1700000000L, "{ }"));
    }

    @Test
    void aSecretTextRoundTripsAndASealedSecretOpensOnlyForItsAccount() {
        WebhookSecretBox box = new WebhookSecretBox(new byte[32]);
        byte[] secret = box.newSecret();
        String text = WebhookSignature.secretText(secret);
        assertTrue(text.startsWith("whsec_"), text);
        assertArrayEquals(secret, WebhookSignature.keyOf(text));
        String sealed = box.seal("erp", secret);
        assertArrayEquals(secret, box.open("erp", sealed));
        assertThrows(IllegalStateException.class, () -> box.open("crm", sealed));
        assertThrows(IllegalStateException.class, () -> new WebhookSecretBox(new byte[31]).open("erp", sealed));
    }
}
