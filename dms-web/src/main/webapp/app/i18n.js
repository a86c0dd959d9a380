// The UI's words in German (default) and English; the choice is kept in localStorage, ?lang=en switches.
const de = {
  appName: 'Akte', skip: 'Zum Inhalt', navLabel: 'Hauptnavigation', navSearch: 'Suche', navInbox: 'Posteingang',
  navImports: 'Importe', logout: 'Abmelden', otherLanguage: 'English', signedInAs: 'Angemeldet als {0}',
  loginTitle: 'Anmelden', username: 'Benutzername', password: 'Passwort', login: 'Anmelden',
  loginFailed: 'Benutzername oder Passwort ist falsch.',
  searchLabel: 'Suchbegriffe', searchButton: 'Suchen', searchPlaceholder: 'z. B. Bauantrag Lindenstraße',
  results: '{0} Treffer', noResults: 'Keine Treffer.', caseFile: 'Akte', department: 'Fachbereich',
  documentType: 'Dokumenttyp', year: 'Jahr', date: 'Datum', from: 'Von', to: 'Bis', applyDates: 'Zeitraum anwenden',
  filters: 'Filter', removeFilter: 'Filter entfernen: {0}', pages: 'Seiten', page: 'Seite', previous: 'Zurück',
  next: 'Weiter', pageOf: 'Seite {0} von {1}', savedSearches: 'Gespeicherte Suchen', saveSearch: 'Suche speichern',
  saveName: 'Name der Suche', save: 'Speichern', delete: 'Löschen', deleteNamed: '{0} löschen',
  noSaved: 'Noch keine gespeicherten Suchen.', saved: 'Gespeichert.',
  status: 'Status', open: 'offen', closed: 'geschlossen (zdA)', openedOn: 'Angelegt am', closedOn: 'Geschlossen am',
  filePlan: 'Aktenplan', processes: 'Vorgänge', documents: 'Dokumente', looseDocuments: 'Dokumente ohne Vorgang',
  title: 'Titel', version: 'Version', state: 'Bearbeitungsstand', none: '—',
  routing: 'Zuständigkeit', routingAsked: 'Gehört möglicherweise zu einem anderen Fachbereich; die Registratur prüft das.',
  uploadTitle: 'Dokument hochladen', dropHere: 'Dateien hierher ziehen oder auswählen', chooseFiles: 'Dateien auswählen',
  uploading: 'Lädt hoch: {0}', uploaded: 'Hochgeladen: {0}', progress: 'Fortschritt',
  newVersion: 'Neue Version hochladen', chooseFile: 'Datei auswählen',
  viewer: 'Dokumentansicht', thumbnails: 'Seitenübersicht', pageImage: 'Seite {0} von {1}', zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern', fitWidth: 'Breite anpassen', hits: '{0} Treffer auf dieser Seite', hitsFor: 'Treffer für „{0}“',
  versions: 'Versionen', createdAt: 'Erstellt', createdBy: 'von', fileName: 'Datei', size: 'Größe',
  original: 'Original', rendition: 'Archiv-PDF', download: 'Herunterladen', notYet: 'noch nicht erzeugt',
  metadata: 'Metadaten', fields: 'Erkannte Angaben', edit: 'Bearbeiten', editTitle: 'Metadaten ändern',
  changesSaved: 'Änderungen gespeichert.',
  annotations: 'Vermerke', addNote: 'Vermerk hinzufügen', noteText: 'Text des Vermerks', markArea: 'Bereich markieren',
  markAreaHint: 'Ziehen Sie auf der Seite einen Rahmen auf.', markAreaKeys: 'Rahmen auf der Seite: Pfeiltasten verschieben, Umschalt und Pfeiltasten ändern die Größe, Eingabe übernimmt, Escape bricht ab.', areaMarked: 'Bereich markiert', cancel: 'Abbrechen',
  noAnnotations: 'Keine Vermerke auf dieser Seite.', by: 'von {0}', editNote: 'Vermerk ändern',
  highlight: 'Markierung', note: 'Vermerk', onPage: 'Seite {0}',
  inboxTitle: 'Posteingang: Dokumente zur Prüfung', chooseDepartment: 'Bitte wählen Sie den Fachbereich.', inboxEmpty: 'Keine Dokumente warten auf Prüfung.',
  prediction: 'Vorschlag', confidence: 'Sicherheit', file: 'Zuordnen', filed: 'Zugeordnet.',
  importsTitle: 'Importe', importNumber: 'Import-Nr.', show: 'Anzeigen', received: 'Eingegangen', done: 'Fertig',
  failed: 'Fehlgeschlagen', total: 'Erwartet', recentImports: 'Letzte Importe', source: 'Quelle',
  noImports: 'Keine Importe.', remaining: 'Restzeit', refresh: 'Aktualisieren', seconds: '{0} s',
  loading: 'Lädt …',
  err400: 'Die Eingabe ist ungültig.', err401: 'Bitte melden Sie sich an.', err403: 'Dafür fehlt Ihnen die Berechtigung.',
  err404: 'Nicht gefunden oder keine Berechtigung.', err409: 'Das steht im Widerspruch zum aktuellen Stand.',
  err429: 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  err503: 'Der Server ist gerade ausgelastet. Bitte versuchen Sie es in einigen Sekunden erneut.',
  err413: 'Die Datei ist zu groß.', err415: 'Dieser Dateityp wird nicht angenommen.', err422: 'Die Datei wurde abgelehnt.',
  err500: 'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
  errNetwork: 'Der Server ist nicht erreichbar.', errDetail: 'Grund: {0}',
  RECEIVED: 'eingegangen', PROCESSING: 'in Verarbeitung', READY: 'bereit', FAILED: 'fehlgeschlagen',
  QUARANTINED: 'in Quarantäne', AUTO_FILED: 'automatisch zugeordnet', REVIEW: 'zur Prüfung', FILED: 'zugeordnet',
  IMPORTING: 'wird importiert', COMPLETED: 'abgeschlossen', OPEN: 'offen', CLOSED: 'geschlossen',
  navRecords: 'Registratur', recordsTitle: 'Registratur: Aufbewahrung und Aussonderung', recordsTabs: 'Bereiche der Registratur',
  records_due: 'Fällig', records_disposals: 'Aussonderungen', records_holds: 'Sperren (Legal Hold)',
  records_certificates: 'Löschprotokolle', records_schedules: 'Aufbewahrungsfristen', records_routing: 'Zuständigkeit',
  routingTitle: 'Zuständigkeit prüfen', routingEmpty: 'Keine Anfrage zur Zuständigkeit offen.',
  routingHint: 'Die Automatik verschiebt kein Dokument aus dem Fachbereich, in den es eingebracht wurde. Wo es auf einen anderen Fachbereich hinweist, entscheiden Sie hier; der Fachbereich selbst sieht nur einen neutralen Hinweis.',
  cause: 'Anlass', detail: 'Befund', handOver: 'Übergeben', handedOver: 'Entschieden.', handoverReason: 'Begründung',
  NAMED_REFERENCE: 'Aktenzeichen auf Trennblatt oder Manifest', TEXT_REFERENCE: 'Aktenzeichen im Text',
  RESEMBLANCE: 'Ähnlichkeit', RULE: 'Regel',
  dueTitle: 'Zur Aussonderung fällige Akten', dueEmpty: 'Keine Akte ist zur Aussonderung fällig.',
  dueHint: 'Geschlossene Akten, deren Aufbewahrungsfrist abgelaufen ist und die keine Sperre haben. Wählen Sie Akten aus und schlagen Sie die Aussonderung vor; eine zweite Person der Registratur muss zustimmen.',
  selectNamed: '{0} auswählen', selectSome: 'Bitte wählen Sie mindestens eine Akte aus.',
  proposeDestroy: 'Vernichtung vorschlagen', proposeTransfer: 'Abgabe an das Archiv vorschlagen',
  proposed: 'Vorgeschlagen. Eine zweite Person der Registratur muss zustimmen.',
  disposalDate: 'Aussonderung am', action: 'Maßnahme', legalBasis: 'Rechtsgrundlage',
  disposalsTitle: 'Aussonderungen', fourEyes: 'Vier-Augen-Prinzip: Wer vorschlägt, kann nicht selbst zustimmen.',
  noDisposals: 'Keine Aussonderungen.', disposal: 'Aussonderung', proposedBy: 'Vorgeschlagen von',
  decidedBy: 'Entschieden von', executedBy: 'Durchgeführt von', approvedBy: 'Zugestimmt von', appraisal: 'Bewertung',
  approve: 'Zustimmen', approved: 'Zugestimmt.', reject: 'Ablehnen', rejectReason: 'Grund der Ablehnung',
  rejected: 'Abgelehnt.', executeDestroy: 'Vernichtung durchführen',
  confirmDestroy: 'Die Akten mit allen Dokumenten und Versionen endgültig vernichten?', notDestroyed: 'Nicht vernichtet.',
  destroyed: 'Vernichtet. Das Löschprotokoll ist erstellt.', makeOffer: 'Anbieteverzeichnis (0501) erstellen',
  offered: 'Anbieteverzeichnis erstellt. Senden Sie es an das Archiv.', downloadOffer: 'Anbieteverzeichnis (0501) herunterladen',
  uploadAppraisal: 'Bewertungsverzeichnis des Archivs (0502)', appraisalApplied: 'Bewertung übernommen.',
  downloadPackage: 'Aussonderungspaket (0503) herunterladen', uploadConfirmation: 'Übernahmebestätigung des Archivs (0506)',
  confirmationApplied: 'Bestätigung übernommen; die abgegebenen Akten sind hier gelöscht.', send: 'Senden',
  chooseXml: 'Bitte wählen Sie die XML-Datei der Nachricht aus.',
  holdsTitle: 'Sperren (Legal Hold)', holdsHint: 'Gesperrte Akten und Dokumente können weder ausgesondert noch gelöscht werden, bis die Sperre aufgehoben ist.',
  noHolds: 'Keine Sperren.', holdTarget: 'Akte (Aktenzeichen oder Nr.) bzw. Dokument-Nr.', holdReason: 'Grund',
  holdReference: 'Bezug (z. B. Aktenzeichen des Verfahrens)', holdOn: 'Sperre für', placeHold: 'Sperre setzen',
  holdPlaced: 'Sperre gesetzt.', placedBy: 'Gesetzt von', lift: 'Aufheben', lifted: 'Sperre aufgehoben.',
  liftedBy: 'aufgehoben von', allHolds: 'Auch aufgehobene Sperren zeigen', activeHoldsOnly: 'Nur aktive Sperren zeigen',
  liftRequest: 'Aufhebung beantragen', liftReason: 'Grund der Aufhebung', liftRequested: 'Aufhebung beantragt. Eine zweite Registraturkraft muss zustimmen.',
  liftRequestedBy: 'Aufhebung beantragt von', liftAwaitsSecond: 'Wartet auf die Zustimmung einer zweiten Registraturkraft.',
  liftApprove: 'Aufhebung bestätigen', liftWithdraw: 'Antrag zurückziehen', liftRejected: 'Antrag auf Aufhebung zurückgenommen.',
  liftReasonMissing: 'Bitte geben Sie einen Grund für die Aufhebung an.',
  document: 'Dokument',
  certificatesTitle: 'Löschprotokolle', noCertificates: 'Keine Löschprotokolle.',
  schedulesTitle: 'Aufbewahrungsfristen im Aktenplan', schedulesHint: 'Eine Frist gilt für die Aktenplaneinheit und alles darunter, solange dort keine eigene Frist festgelegt ist.',
  code: 'Kennzeichen', parent: 'Übergeordnet', schedule: 'Aufbewahrungsfrist', inherited: 'geerbt',
  noSchedule: 'keine Frist festgelegt', years: '{0} Jahre', months: '{0} Monate', after: 'nach', afterEvent: 'Ereignis „{0}“',
  yearsLabel: 'Jahre', monthsLabel: 'Monate', trigger: 'Fristbeginn', eventName: 'Ereignis (bei Fristbeginn „Ereignis“)',
  scheduleFor: 'Frist für {0}', scheduleSaved: 'Frist gespeichert.', scheduleRemoved: 'Frist entfernt.',
  removeSchedule: 'Eigene Frist entfernen',
  retentionTitle: 'Aufbewahrung', scheduleFrom: 'festgelegt bei {0}', startsWhenClosed: 'beginnt mit dem Schließen (zdA)', events: 'Ereignisse',
  underHold: '{0} aktive Sperre(n)', closeCase: 'Akte schließen (zdA)', caseClosed: 'Akte geschlossen (zdA).',
  reopenCase: 'Akte wieder öffnen', caseReopened: 'Akte wieder geöffnet.', reopenReason: 'Grund für das Wiederöffnen',
  sentBack: 'Zur erneuten Entscheidung zurückgegeben',
  DESTROY: 'Vernichten', TRANSFER: 'Abgabe an das Archiv', PROPOSED: 'vorgeschlagen', APPROVED: 'zugestimmt',
  REJECTED: 'abgelehnt', EXECUTED: 'vernichtet', OFFERED: 'angeboten (0501)', APPRAISED: 'bewertet (0502)',
  TRANSFERRED: 'abgegeben (0503)', CONFIRMED: 'vom Archiv bestätigt (0506)', CASE_FILE_CLOSED: 'Schließen der Akte (zdA)',
  DOCUMENT_DATE: 'Dokumentdatum', CREATED: 'Anlage der Akte', EVENT: 'Ereignis',
};
const en = {
  appName: 'Akte', skip: 'Skip to content', navLabel: 'Main navigation', navSearch: 'Search', navInbox: 'Inbox',
  navImports: 'Imports', logout: 'Sign out', otherLanguage: 'Deutsch', signedInAs: 'Signed in as {0}',
  loginTitle: 'Sign in', username: 'Username', password: 'Password', login: 'Sign in',
  loginFailed: 'Wrong username or password.',
  searchLabel: 'Search terms', searchButton: 'Search', searchPlaceholder: 'e.g. building permit',
  results: '{0} hits', noResults: 'No hits.', caseFile: 'Case file', department: 'Department',
  documentType: 'Document type', year: 'Year', date: 'Date', from: 'From', to: 'To', applyDates: 'Apply dates',
  filters: 'Filters', removeFilter: 'Remove filter: {0}', pages: 'Pages', page: 'Page', previous: 'Previous',
  next: 'Next', pageOf: 'Page {0} of {1}', savedSearches: 'Saved searches', saveSearch: 'Save search',
  saveName: 'Name of the search', save: 'Save', delete: 'Delete', deleteNamed: 'Delete {0}',
  noSaved: 'No saved searches yet.', saved: 'Saved.',
  status: 'Status', open: 'open', closed: 'closed', openedOn: 'Opened on', closedOn: 'Closed on',
  filePlan: 'File plan', processes: 'Processes', documents: 'Documents', looseDocuments: 'Documents without process',
  title: 'Title', version: 'Version', state: 'Processing state', none: '—',
  routing: 'Responsibility', routingAsked: 'May belong to another department; the registry is checking.',
  uploadTitle: 'Upload documents', dropHere: 'Drop files here or choose them', chooseFiles: 'Choose files',
  uploading: 'Uploading: {0}', uploaded: 'Uploaded: {0}', progress: 'Progress',
  newVersion: 'Upload a new version', chooseFile: 'Choose file',
  viewer: 'Document viewer', thumbnails: 'Pages', pageImage: 'Page {0} of {1}', zoomIn: 'Zoom in',
  zoomOut: 'Zoom out', fitWidth: 'Fit width', hits: '{0} hits on this page', hitsFor: 'Hits for “{0}”',
  versions: 'Versions', createdAt: 'Created', createdBy: 'by', fileName: 'File', size: 'Size',
  original: 'Original', rendition: 'Archival PDF', download: 'Download', notYet: 'not produced yet',
  metadata: 'Metadata', fields: 'Recognised fields', edit: 'Edit', editTitle: 'Change metadata',
  changesSaved: 'Changes saved.',
  annotations: 'Annotations', addNote: 'Add annotation', noteText: 'Annotation text', markArea: 'Mark an area',
  markAreaHint: 'Drag a rectangle on the page.', markAreaKeys: 'Box on the page: arrow keys move it, Shift and arrow keys size it, Enter takes it, Escape cancels.', areaMarked: 'Area marked', cancel: 'Cancel',
  noAnnotations: 'No annotations on this page.', by: 'by {0}', editNote: 'Edit annotation',
  highlight: 'Highlight', note: 'Note', onPage: 'Page {0}',
  inboxTitle: 'Inbox: documents to review', chooseDepartment: 'Please choose the department.', inboxEmpty: 'No documents wait for review.',
  prediction: 'Proposal', confidence: 'Confidence', file: 'File', filed: 'Filed.',
  importsTitle: 'Imports', importNumber: 'Import no.', show: 'Show', received: 'Received', done: 'Done',
  failed: 'Failed', total: 'Expected', recentImports: 'Recent imports', source: 'Source',
  noImports: 'No imports.', remaining: 'Time left', refresh: 'Refresh', seconds: '{0} s',
  loading: 'Loading …',
  err400: 'The input is not valid.', err401: 'Please sign in.', err403: 'You are not allowed to do that.',
  err404: 'Not found or no permission.', err409: 'That conflicts with the current state.',
  err429: 'Too many failed sign-in attempts. Please wait a moment and try again.',
  err503: 'The server is busy right now. Please try again in a few seconds.',
  err413: 'The file is too large.', err415: 'This file type is not accepted.', err422: 'The file was refused.',
  err500: 'The server ran into an error. Please try again later.',
  errNetwork: 'The server cannot be reached.', errDetail: 'Reason: {0}',
  RECEIVED: 'received', PROCESSING: 'processing', READY: 'ready', FAILED: 'failed',
  QUARANTINED: 'quarantined', AUTO_FILED: 'filed automatically', REVIEW: 'to review', FILED: 'filed',
  IMPORTING: 'importing', COMPLETED: 'completed', OPEN: 'open', CLOSED: 'closed',
  navRecords: 'Records', recordsTitle: 'Records management: retention and disposal', recordsTabs: 'Records management sections',
  records_due: 'Due', records_disposals: 'Disposals', records_holds: 'Legal holds',
  records_certificates: 'Destruction certificates', records_schedules: 'Retention schedules', records_routing: 'Routing',
  routingTitle: 'Where documents belong', routingEmpty: 'No routing request is open.',
  routingHint: 'Automation never moves a document out of the department it was brought into. Where it points to another department, you decide here; the department itself sees only a neutral note.',
  cause: 'Cause', detail: 'Finding', handOver: 'Hand over', handedOver: 'Decided.', handoverReason: 'Reason',
  NAMED_REFERENCE: 'file reference on a separator sheet or manifest', TEXT_REFERENCE: 'file reference in the text',
  RESEMBLANCE: 'resemblance', RULE: 'rule',
  dueTitle: 'Case files due for disposal', dueEmpty: 'No case file is due for disposal.',
  dueHint: 'Closed case files whose retention has ended and which are not on hold. Select case files and propose their disposal; a second records officer must approve.',
  selectNamed: 'Select {0}', selectSome: 'Please select at least one case file.',
  proposeDestroy: 'Propose destruction', proposeTransfer: 'Propose transfer to the archive',
  proposed: 'Proposed. A second records officer must approve.',
  disposalDate: 'Disposal on', action: 'Action', legalBasis: 'Legal basis',
  disposalsTitle: 'Disposals', fourEyes: 'Four eyes: whoever proposes cannot approve.',
  noDisposals: 'No disposals.', disposal: 'Disposal', proposedBy: 'Proposed by',
  decidedBy: 'Decided by', executedBy: 'Executed by', approvedBy: 'Approved by', appraisal: 'Appraisal',
  approve: 'Approve', approved: 'Approved.', reject: 'Reject', rejectReason: 'Reason for rejecting',
  rejected: 'Rejected.', executeDestroy: 'Destroy now',
  confirmDestroy: 'Destroy these case files with all documents and versions for good?', notDestroyed: 'Not destroyed.',
  destroyed: 'Destroyed. The destruction certificate has been written.', makeOffer: 'Create offer list (0501)',
  offered: 'Offer list created. Send it to the archive.', downloadOffer: 'Download offer list (0501)',
  uploadAppraisal: "Archive's appraisal (0502)", appraisalApplied: 'Appraisal applied.',
  downloadPackage: 'Download disposal package (0503)', uploadConfirmation: "Archive's import confirmation (0506)",
  confirmationApplied: 'Confirmation applied; the transferred case files are removed here.', send: 'Send',
  chooseXml: 'Please choose the XML file of the message.',
  holdsTitle: 'Legal holds', holdsHint: 'Case files and documents on hold can be neither disposed of nor deleted until the hold is lifted.',
  noHolds: 'No legal holds.', holdTarget: 'Case file (reference or no.) or document no.', holdReason: 'Reason',
  holdReference: 'Reference (e.g. of the proceedings)', holdOn: 'Hold on', placeHold: 'Place hold',
  holdPlaced: 'Hold placed.', placedBy: 'Placed by', lift: 'Lift', lifted: 'Hold lifted.',
  liftedBy: 'lifted by', allHolds: 'Show lifted holds too', activeHoldsOnly: 'Show active holds only',
  liftRequest: 'Request lifting', liftReason: 'Reason for lifting', liftRequested: 'Lifting requested. A second records officer must agree.',
  liftRequestedBy: 'Lifting requested by', liftAwaitsSecond: 'Waiting for a second records officer to agree.',
  liftApprove: 'Agree and lift', liftWithdraw: 'Withdraw request', liftRejected: 'Request to lift withdrawn.',
  liftReasonMissing: 'Please give a reason for lifting the hold.',
  document: 'Document',
  certificatesTitle: 'Destruction certificates', noCertificates: 'No destruction certificates.',
  schedulesTitle: 'Retention schedules on the file plan', schedulesHint: 'A schedule applies to its file plan unit and everything below that has no schedule of its own.',
  code: 'Code', parent: 'Parent', schedule: 'Retention schedule', inherited: 'inherited',
  noSchedule: 'no schedule', years: '{0} years', months: '{0} months', after: 'after', afterEvent: 'event "{0}"',
  yearsLabel: 'Years', monthsLabel: 'Months', trigger: 'Starts with', eventName: 'Event (when it starts with an event)',
  scheduleFor: 'Schedule for {0}', scheduleSaved: 'Schedule saved.', scheduleRemoved: 'Schedule removed.',
  removeSchedule: 'Remove own schedule',
  retentionTitle: 'Retention', scheduleFrom: 'set at {0}', startsWhenClosed: 'starts when the file is closed', events: 'Events',
  underHold: '{0} active hold(s)', closeCase: 'Close case file', caseClosed: 'Case file closed.',
  reopenCase: 'Reopen case file', caseReopened: 'Case file reopened.', reopenReason: 'Reason for reopening',
  sentBack: 'Sent back for a new decision',
  DESTROY: 'Destroy', TRANSFER: 'Transfer to the archive', PROPOSED: 'proposed', APPROVED: 'approved',
  REJECTED: 'rejected', EXECUTED: 'destroyed', OFFERED: 'offered (0501)', APPRAISED: 'appraised (0502)',
  TRANSFERRED: 'transferred (0503)', CONFIRMED: 'confirmed by the archive (0506)', CASE_FILE_CLOSED: 'closing of the case file',
  DOCUMENT_DATE: 'document date', CREATED: 'opening of the case file', EVENT: 'event',
};

const dictionaries = { de, en };

function initialLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && dictionaries[asked]) {
    localStorage.setItem('akte.lang', asked);
    return asked;
  }
  const kept = localStorage.getItem('akte.lang');
  return kept && dictionaries[kept] ? kept : 'de';
}

let current = initialLanguage();

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = dictionaries[lang] ? lang : 'de';
  localStorage.setItem('akte.lang', current);
  document.documentElement.lang = current;
}

/** The text for key in the current language, with {0}, {1} … replaced by args. */
export function t(key, ...args) {
  const text = dictionaries[current][key] ?? dictionaries.de[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

export function formatDate(value) {
  if (!value) return t('none');
  const d = new Date(value.length === 10 ? value + 'T00:00:00' : value);
  return d.toLocaleDateString(current === 'de' ? 'de-DE' : 'en-GB');
}

export function formatSize(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}
