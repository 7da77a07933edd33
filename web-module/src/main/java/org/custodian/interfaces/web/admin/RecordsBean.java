package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.privacy.PrivacyRecordsService;
import org.custodian.application.privacy.PrivacyRecordsService.RecordsOfProcessing;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/** The records of processing (GDPR Art. 30) as the system states them now, for privacy officers and auditors. */
@Named
@RequestScoped
public class RecordsBean {

    @EJB
    PrivacyRecordsService records;

    @Inject
    PortalCaller portal;

    private RecordsOfProcessing current;

    @PostConstruct
    void load() {
        PageFailures.read(() -> current = records.recordsOfProcessing(portal.get()));
    }

    public RecordsOfProcessing getRecords() {
        return current;
    }
}
