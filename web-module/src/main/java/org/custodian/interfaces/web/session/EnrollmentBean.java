package org.custodian.interfaces.web.session;

import io.nayuki.qrcodegen.QrCode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import org.custodian.application.auth.AuthenticationService;
import org.custodian.application.auth.Enrollment;
import org.custodian.interfaces.web.PageFailures;

/**
 * Enrollment of a TOTP authenticator during sign-in, for roles that need one: a QR code (and the secret as text,
 * for typing in), a first code to prove the device has it, then the recovery codes, shown once.
 */
@Named
@ViewScoped
public class EnrollmentBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AuthenticationService authentication;

    @Inject
    PortalCaller portal;

    private String secret;
    private String qrSvg;
    private String code;
    private List<String> recoveryCodes;

    @PostConstruct
    void begin() {
        PortalIdentity identity = portal.identity().orElse(null);
        if (identity == null || identity.stage() != PortalIdentity.Stage.ENROLLMENT) {
            return;
        }
        Enrollment enrollment = authentication.beginEnrollment(portal.callerOf(identity));
        secret = enrollment.secret();
        qrSvg = svg(QrCode.encodeText(enrollment.keyUri(), QrCode.Ecc.MEDIUM), 4);
    }

    public String confirm() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        HttpSession session = request.getSession(false);
        PortalIdentity identity = session == null ? null : SignInBean.identity(session);
        if (identity == null || identity.stage() != PortalIdentity.Stage.ENROLLMENT) {
            return null;
        }
        try {
            recoveryCodes = authentication.confirmEnrollment(portal.callerOf(identity), code);
        } catch (RuntimeException e) {
            PageFailures.show(e, "enroll");
            return null;
        } finally {
            code = null;
        }
        request.changeSessionId();
        session.setAttribute(PortalIdentity.ATTRIBUTE,
                identity.at(PortalIdentity.Stage.SIGNED_IN, Clock.systemUTC().instant()));
        return null;
    }

    public String proceed() throws IOException {
        return SignInBean.redirectTo(portal.identity().map(PortalGuard::landing).orElse(PortalGuard.LOGIN));
    }

    /** The QR code as SVG: black modules on white, with the quiet zone the standard asks for. */
    static String svg(QrCode qr, int border) {
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\"220\""
                + " height=\"220\" role=\"img\" aria-label=\"QR code for your authenticator app\" shape-rendering="
                + "\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path
                + "\" fill=\"#000\"/></svg>";
    }

    public boolean isReady() {
        return secret != null;
    }

    public String getSecret() {
        return secret;
    }

    /** Only path data we drew ourselves; no user text reaches it. */
    public String getQrSvg() {
        return qrSvg;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }
}
