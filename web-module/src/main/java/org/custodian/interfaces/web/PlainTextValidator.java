package org.custodian.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.custodian.domain.shared.PlainText;

/**
 * The plain-text rule of the API ({@link PlainText}) for every field of every portal form: registered as a default
 * validator in faces-config.xml, so a new form cannot forget it. A refused value stays in the field with the
 * message next to it, and nothing of the form reaches a service.
 */
@FacesValidator(PlainTextValidator.ID)
public class PlainTextValidator implements Validator<Object> {

    static final String ID = "custodian.plainText";

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof String text) {
            PlainText.refusal(text).ifPresent(why -> {
                throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        "This field " + why + ". Remove those characters and send again.",
                        null));
            });
        }
    }
}
