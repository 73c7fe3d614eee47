import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import { PDF_ACCENT, PDF_LINE, PDF_MUTED, registerPdfFonts } from './fonts'

const styles = StyleSheet.create({
  page: { fontFamily: 'Source Sans 3', fontSize: 11, padding: 48, lineHeight: 1.5, color: '#16181d' },
  header: { borderBottomWidth: 2, borderBottomColor: PDF_ACCENT, paddingBottom: 8, marginBottom: 24 },
  brand: { fontSize: 10, color: PDF_MUTED },
  title: { fontSize: 20, fontWeight: 700, marginTop: 4 },
  lead: { color: PDF_MUTED, marginBottom: 16 },
  row: { flexDirection: 'row', alignItems: 'flex-end', marginTop: 14 },
  label: { width: 170 },
  blank: { flex: 1, borderBottomWidth: 0.8, borderBottomColor: PDF_LINE, height: 14 },
  sectionTitle: { fontSize: 12, fontWeight: 700, marginTop: 22 },
  boxes: { flexDirection: 'row', gap: 18, marginTop: 10 },
  box: { flexDirection: 'row', alignItems: 'center', gap: 6 },
  square: { width: 10, height: 10, flexShrink: 0, borderWidth: 0.8, borderColor: '#16181d' },
  signature: { marginTop: 28, flexDirection: 'row', justifyContent: 'space-between' },
  signatureBox: {
    width: 230,
    height: 90,
    borderWidth: 0.8,
    borderColor: PDF_LINE,
    padding: 6,
    color: PDF_MUTED,
    fontSize: 9,
  },
  footer: { position: 'absolute', bottom: 32, left: 48, right: 48, fontSize: 8.5, color: PDF_MUTED },
})

function Field({ label }: { label: string }) {
  return (
    <View style={styles.row}>
      <Text style={styles.label}>{label}</Text>
      <View style={styles.blank} />
    </View>
  )
}

function Choices({ options }: { options: string[] }) {
  return (
    <View style={styles.boxes}>
      {options.map((option) => (
        <View key={option} style={styles.box}>
          <View style={styles.square} />
          <Text>{option}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * The blank "attestation d'emploi" the brochure says can be downloaded: the employer fills it in,
 * signs and stamps it, and the applicant uploads it with the registration.
 */
export function AttestationEmploiDocument({
  centreName,
  programmeLabel,
}: {
  centreName: string
  programmeLabel: string
}) {
  registerPdfFonts()
  return (
    <Document title="Attestation d’emploi" author={centreName} language="fr">
      <Page size="A4" style={styles.page}>
        <View style={styles.header}>
          <Text style={styles.brand}>Cnam — {centreName}</Text>
          <Text style={styles.title}>Attestation d’emploi</Text>
        </View>
        <Text style={styles.lead}>
          À faire remplir, signer et tamponner par l’employeur, puis à joindre au dossier d’inscription (
          {programmeLabel}).
        </Text>

        <Text style={styles.sectionTitle}>L’employeur</Text>
        <Field label="Raison sociale" />
        <Field label="Adresse" />
        <Field label="N° SIRET" />
        <Field label="Nom et fonction du signataire" />

        <Text style={styles.sectionTitle}>Le ou la salarié(e)</Text>
        <Field label="Nom et prénom" />
        <Field label="Date de naissance" />
        <Field label="Emploi occupé" />
        <Field label="Date d’entrée dans la structure" />
        <Text style={{ marginTop: 14 }}>Contrat :</Text>
        <Choices options={['CDI', 'CDD jusqu’au ………………', 'Contrat aidé', 'Autre : ………………']} />
        <Text style={{ marginTop: 12 }}>Temps de travail :</Text>
        <Choices options={['Temps plein', 'Temps partiel : ……… heures par semaine']} />

        <Text style={{ marginTop: 22 }}>
          Je soussigné(e), représentant l’employeur désigné ci-dessus, atteste que la personne désignée
          ci-dessus est employée dans notre structure à la date de la présente attestation.
        </Text>

        <View style={styles.signature}>
          <View>
            <Field label="Fait à" />
            <Field label="Le" />
          </View>
          <View style={styles.signatureBox}>
            <Text>Signature et cachet de l’employeur</Text>
          </View>
        </View>

        <Text style={styles.footer}>
          Conservatoire national des arts et métiers — {centreName}. Document à joindre au dossier
          d’inscription ; une attestation incomplète ou non signée ne peut pas être acceptée.
        </Text>
      </Page>
    </Document>
  )
}
