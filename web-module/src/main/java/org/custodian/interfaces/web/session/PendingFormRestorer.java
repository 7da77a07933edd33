package org.custodian.interfaces.web.session;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UISelectMany;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Map;
import org.custodian.interfaces.web.Flow;

/**
 * Before a page is shown (registered for {@code PreRenderViewEvent} in faces-config.xml): when this user's form
 * was kept because their session had ended ({@link PendingForm}), its inputs are filled in as they were sent and
 * the page says so; the user then sends it again.
 */
public class PendingFormRestorer implements SystemEventListener {

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback() || faces.getPartialViewContext().isAjaxRequest()) {
            return;
        }
        HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
        if (session == null || !(session.getAttribute(PortalIdentity.ATTRIBUTE) instanceof PortalIdentity identity)
                || identity.stage() != PortalIdentity.Stage.SIGNED_IN) {
            return;
        }
        UIViewRoot view = faces.getViewRoot();
        PendingForm.take(session, identity.username(), view.getViewId(), Instant.now()).ifPresent(kept -> {
            int filled = 0;
            for (Map.Entry<String, String[]> field : kept.values().entrySet()) {
                UIComponent input = find(view, field.getKey());
                if (input instanceof EditableValueHolder holder && input.isRendered()) {
                    holder.setSubmittedValue(input instanceof UISelectMany ? field.getValue() : field.getValue()[0]);
                    filled++;
                }
            }
            if (filled > 0) {
                String said = Flow.text("flow.formKept");
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, said, said));
            }
        });
    }

    private static UIComponent find(UIViewRoot view, String clientId) {
        try {
            return view.findComponent(":" + clientId);
        } catch (IllegalArgumentException notAContainer) {
            return null;
        }
    }
}
