import { Stack, Text } from '@mantine/core'
import { useTranslation, ProfileFields } from '@yoryo/ui'
import { AdministratorFields } from './administrator-fields.tsx'

/**
 * The fields of a system use application (700), inside a `FormProvider` of a form whose
 * resolver is `systemUseApplicationSchema`: the company in three groups and the administrator.
 */
export function SystemUseFields() {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Text fz="sm" c="dimmed">
        {t('systemUse.requiredNote')}
      </Text>
      <ProfileFields prefix="participant" />
      <AdministratorFields />
    </Stack>
  )
}
