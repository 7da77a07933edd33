package org.custodian.interfaces.web.i18n;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Gives every view the language {@link DisplaySettings} decides (profile, else browser, else English), so each
 * page, its {@code msg} bundle and the JSF and PrimeFaces messages speak it without a setting on each page.
 */
public class PortalViewHandler extends ViewHandlerWrapper {

    public PortalViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return CDI.current().select(DisplaySettings.class).get().getLocale();
    }
}
