package org.custodian.interfaces.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.GoneException;
import org.custodian.application.shared.NotConfiguredException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.application.ticket.ConsentRequiredException;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.interfaces.web.customer.ConsentPrompt;
import org.custodian.domain.shared.FieldViolation;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * Turns what a service refused into messages on the page, the way the API turns it into a problem: each broken
 * rule next to its input (when the form has one by that name), refusals and conflicts at the top. Anything
 * unexpected is logged and reported without its details. What the services say is put in the user's words
 * ({@link PlainWords}): no internal field or permission names.
 */
public final class PageFailures {

    private static final Logger LOG = Logger.getLogger(PageFailures.class.getName());

    private PageFailures() {
    }

    /** Shows the failure; {@code formId} is where inputs named like the service's fields live. */
    public static void show(RuntimeException failure, String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ConsentRequiredException consent) {
            // #23: offer the customer's consent section rather than an API path
            ConsentPrompt.offer(faces, consent);
            return;
        }
        if (cause instanceof DomainRuleViolationException violation) {
            for (FieldViolation field : violation.getViolations()) {
                String clientId = formId + ":" + field.field();
                UIComponent input = formId == null ? null : faces.getViewRoot().findComponent(":" + clientId);
                String said = PlainWords.violation(field.field(), field.message(), input != null);
                faces.addMessage(input == null ? null : clientId,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, said, said));
            }
            faces.validationFailed();
            return;
        }
        String summary;
        if (cause instanceof AccessDeniedException) {
            summary = Texts.get("common.refused");
        } else if (cause instanceof ResourceNotFoundException) {
            summary = Texts.get("common.notFound");
        } else if (cause instanceof ConflictException || cause instanceof StaleVersionException) {
            summary = Texts.get("common.conflict");
        } else if (cause instanceof GoneException) {
            summary = Texts.get("common.gone");
        } else if (cause instanceof NotConfiguredException) {
            summary = Texts.get("common.notAvailable");
        } else {
            LOG.log(Level.WARNING, "portal request failed", failure);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.get("common.failed"),
                    Texts.get("failure.unexpected")));
            faces.validationFailed();
            return;
        }
        String said = PlainWords.sentence(cause.getMessage());
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, said));
        faces.validationFailed();
    }

    /**
     * Runs a page's reads (its view action or {@code @PostConstruct}): a failure is shown at the top of the page and
     * what was read before it stays.
     */
    public static void read(Runnable reads) {
        try {
            reads.run();
        } catch (RuntimeException e) {
            show(e, null);
        }
    }

    /** Runs a form's action: the page it leads to, or null with the failure shown at the form {@code formId}. */
    public static String attempt(String formId, Supplier<String> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            show(e, formId);
            return null;
        }
    }

    /**
     * Runs a row's action (decide, reject, disable): the page it leads to, or null with the failure on the page, a
     * broken rule at the row's own input {@code rowInput} (its client id, from {@code Pages.beside}).
     */
    public static String atRow(String rowInput, Supplier<String> action) {
        try {
            return action.get();
        } catch (DomainRuleViolationException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (FieldViolation violation : e.getViolations()) {
                String text = violation.field() + " " + violation.message();
                faces.addMessage(rowInput, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            }
            faces.validationFailed();
            return null;
        } catch (RuntimeException e) {
            show(e, null);
            return null;
        }
    }

    public static void info(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }
}
