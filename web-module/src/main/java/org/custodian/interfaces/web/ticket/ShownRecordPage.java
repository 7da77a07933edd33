package org.custodian.interfaces.web.ticket;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * A page that shows one record (a ticket, a customer) as the policy let this user see it: its labelled fields, and
 * the labels of those the policy held back.
 */
public abstract class ShownRecordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The record's body as the service returned it; null while none is loaded. */
    protected abstract Map<String, Object> shownBody();

    /** The fields the page labels, in the order it shows them, each with the bundle key of its label. */
    protected abstract Map<String, String> fieldLabels();

    public boolean isFound() {
        return shownBody() != null;
    }

    public List<ShownField> getFields() {
        Map<String, Object> body = shownBody();
        return body == null ? List.of() : ShownField.of(body, labels(fieldLabels()));
    }

    public String getHiddenFields() {
        Map<String, Object> body = shownBody();
        return body == null ? "" : String.join(", ", ShownField.hidden(body, labels(fieldLabels())));
    }

    /** The labels in the page's language (#23), in the same order. */
    static Map<String, String> labels(Map<String, String> keys) {
        Map<String, String> labels = new LinkedHashMap<>();
        keys.forEach((field, key) -> labels.put(field, Texts.get(key)));
        return labels;
    }
}
