#include "models/SecretsFinder.h"

#include <QTest>

using namespace assay;

class TestSecretsFinder : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestSecretsFinder)
#include "tst_secretsfinder.moc"
