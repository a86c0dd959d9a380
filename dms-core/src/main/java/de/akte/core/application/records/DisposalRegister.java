package de.akte.core.application.records;

import de.akte.core.disposition.DisposalRepository;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.Page;
import de.akte.core.shared.UnitOfWork;

import java.util.List;

/** The disposals and destruction certificates on record, for records officers and administrators. */
public class DisposalRegister {

    private static final int MAX_PAGE = 500;

    private final UnitOfWork unitOfWork;
    private final DisposalRepository disposals;

    public DisposalRegister(UnitOfWork unitOfWork, DisposalRepository disposals) {
        this.unitOfWork = unitOfWork;
        this.disposals = disposals;
    }

    public Page<DisposalView> list(Caller caller, int page, int size) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> {
            List<DisposalView> items = disposals.list(page * size, Math.min(size, MAX_PAGE)).stream()
                    .map(DisposalView::of).toList();
            return new Page<>(items.size(), page, size, items);
        });
    }

    public DisposalView get(Caller caller, long id) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> DisposalView.of(disposals.find(id)
                .orElseThrow(() -> new NotFoundException("no disposal " + id))));
    }

    public List<CertificateView> certificates(Caller caller, String fileReferencePrefix, int page, int size) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> disposals.certificates(fileReferencePrefix, page * size, Math.min(size, MAX_PAGE))
                .stream().map(CertificateView::of).toList());
    }

    public CertificateView certificate(Caller caller, long id) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> CertificateView.of(disposals.findCertificate(id)
                .orElseThrow(() -> new NotFoundException("no destruction certificate " + id))));
    }
}
