#include "models/EvidenceType.h"

#include <QTest>

using namespace assay;

class TestEvidenceType : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestEvidenceType)
#include "tst_evidencetype.moc"
