package org.custodian.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.custodian.domain.shared.PlainText;
import org.custodian.interfaces.web.i18n.Texts;

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
                        Texts.in(locale(context), "failure.plainText", ServiceWords.of(locale(context), why)),
                        null));
            });
        }
    }

    /** The page's language (#23); English where there is no page, as in a unit test. */
    private static java.util.Locale locale(FacesContext context) {
        return context != null && context.getViewRoot() != null && context.getViewRoot().getLocale() != null
                ? context.getViewRoot().getLocale() : java.util.Locale.ENGLISH;
    }
}
